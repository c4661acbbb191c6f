import { navFor } from "../ui/back-office-nav";
import type { CurrentUser } from "./store";

/** Warnings a domain wants every back-office user with the right role to see (e.g. missing calendar year). */
export interface DashboardNotice {
  text: string;
  href?: string;
}

export function AdminHome(props: { user: CurrentUser; notices?: DashboardNotice[] }) {
  const items = navFor(props.user.roles).filter((i) => i.href !== "/admin");
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">工作台</h1>
      <p>您好,{props.user.displayName}。</p>
      {props.notices && props.notices.length > 0 ? (
        <div class="notice-list" role="status">
          <h2>需要注意</h2>
          <ul>
            {props.notices.map((n) => (
              <li>{n.href ? <a href={n.href}>{n.text}</a> : n.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>可以办理的工作</h2>
      <ul class="card-list">
        {items.map((i) => (
          <li>
            <a href={i.href}>{i.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
