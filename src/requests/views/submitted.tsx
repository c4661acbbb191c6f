// The number and the code, shown once after filing.
export function SubmittedPage(props: {
  number?: string;
  code?: string;
  /** Staff registration: the receipt date, or null while 待确认. Online filings leave it out. */
  receivedOn?: string | null;
}) {
  if (!props.number || !props.code) {
    return (
      <>
        <h1>申请已提交</h1>
        <p>
          申请编号和查询码只在提交后显示一次。已经记下的,可以凭它们
          <a href="/applications/track">查询办理进度</a>。
        </p>
      </>
    );
  }
  return (
    <>
      <h1>申请已提交</h1>
      <p role="status">
        {props.receivedOn
          ? `申请已登记,收到申请之日为 ${props.receivedOn},答复期限自次日起计算。`
          : "申请已提交,目前处于“待确认”状态:本机关确认收到申请后开始计算答复期限。"}
      </p>
      <dl class="receipt">
        <dt>申请编号</dt>
        <dd>
          <strong>{props.number}</strong>
        </dd>
        <dt>查询码</dt>
        <dd>
          <strong>{props.code}</strong>
        </dd>
      </dl>
      <p>
        <strong>请立即抄写或保存申请编号和查询码。</strong>
        查询码只显示这一次,本机关也无法找回;刷新或离开本页后将不再显示。凭申请编号和查询码可以
        <a href="/applications/track">查询办理进度</a>。
      </p>
    </>
  );
}
