// Page links shared by every paginated list, public and back office.
/** Page links: previous, 1 … around the current … last, next; nothing for one page. */
export function Pager(props: { page: number; count: number; hrefOf: (page: number) => string }) {
  if (props.count <= 1) return null;
  const pages = Array.from({ length: props.count }, (_, i) => i + 1).filter(
    (p) => p === 1 || p === props.count || Math.abs(p - props.page) <= 2,
  );
  return (
    <nav class="pager" aria-label="分页">
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={props.hrefOf(props.page - 1)} rel="prev">
              上一页
            </a>
          </li>
        ) : null}
        {pages.map((p, i) => (
          <>
            {i > 0 && p - (pages[i - 1] ?? p) > 1 ? <li aria-hidden="true">…</li> : null}
            <li>
              <a href={props.hrefOf(p)} aria-current={p === props.page ? "page" : undefined}>
                {p === props.page ? `第${p}页` : p}
              </a>
            </li>
          </>
        ))}
        {props.page < props.count ? (
          <li>
            <a href={props.hrefOf(props.page + 1)} rel="next">
              下一页
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
