import { ErrorSummary, Field, PostForm } from "../ui/forms";
import { type SiteSettings, siteSettingLabels } from "./settings";

const hints: Partial<Record<keyof SiteSettings, string>> = {
  creditCode: "本单位的18位统一社会信用代码,用于生成索引号。",
  indexNoPattern:
    "可用 {creditCode}、{year}、{serial:5}(5位流水号)。默认 {creditCode}/{year}-{serial:5}。",
  siteCode: "政府网站标识码,见网站普查信息。",
};

export function SiteSettingsPage(props: {
  values: SiteSettings;
  errors?: Record<string, string>;
  saved?: boolean;
}) {
  const keys = Object.keys(siteSettingLabels) as (keyof SiteSettings)[];
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">站点设置</h1>
      {props.saved ? <p role="status">已保存。</p> : null}
      <ErrorSummary errors={props.errors} labels={siteSettingLabels} />
      <PostForm action="/admin/settings">
        {keys.map((key) => (
          <Field
            name={key}
            label={siteSettingLabels[key]}
            error={props.errors?.[key]}
            hint={hints[key]}
          >
            {(a) => <input {...a} type="text" value={props.values[key]} />}
          </Field>
        ))}
        <button type="submit" class="button">
          保存
        </button>
      </PostForm>
    </section>
  );
}
