// The tabs of 监督考核, shown at the top of each of its pages.
export const SUPERVISION_PATH = "/admin/supervision";

const tabs = [
  { href: SUPERVISION_PATH, label: "合规看板" },
  { href: `${SUPERVISION_PATH}/tasks`, label: "督办任务" },
  { href: `${SUPERVISION_PATH}/trainings`, label: "业务培训" },
  { href: `${SUPERVISION_PATH}/assessment`, label: "年底考核" },
];

export function SupervisionTabs(props: { current: string }) {
  return (
    <nav class="supervision-tabs" aria-label="监督考核">
      <ul>
        {tabs.map((t) => (
          <li>
            <a href={t.href} aria-current={t.href === props.current ? "page" : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
