// URLs and small display helpers shared by the public and back-office pages.
export const consultationPath = (id: number) => `/interaction/consultations/${id}`;
export const feedbackPath = (id: number) => `/interaction/consultations/${id}/feedback`;
export const adminConsultationPath = (id: number) => `/admin/consultations/${id}`;

/** "2025-03-03 至 2025-04-02(30日)" */
export function periodText(c: { opensOn: string; closesOn: string; periodDays: number }): string {
  return `${c.opensOn} 至 ${c.closesOn}(${c.periodDays}日)`;
}
