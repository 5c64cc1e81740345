/** A starter `.project/clients.md` with one example client, in English or Chinese. Parses with no errors. */
import type { IsoDate, Language } from './model';
import { addDays, isIsoDate } from '../calendar';

export function clientsFileTemplate(lang: Language, today: IsoDate): string {
  const t = isIsoDate(today) ? today : '2026-01-01';
  const d = (n: number): IsoDate => addDays(t, n);
  if (lang === 'zh-CN') {
    return `<!--
  Client Pulse 客户文件：每个一级标题（# 名称）是一个客户。
  标题下的段落是客户概况；"键：值" 行是字段（联系人、抄送、节奏、语言、路径、标签、负责人、备份）。
  二级标题是分区：承诺、风险、待客户确认、反馈、决定、备注。
  承诺写成任务项：- [ ] 内容 due:YYYY-MM-DD @负责人 #标签；完成后写 - [x] … done:YYYY-MM-DD。
  完整格式见 Client Pulse 的说明（扩展详情页 README 中的“The .project/clients.md file”一节）。
-->

# 示例客户

示例客户经营一家在线书店，本季度的目标是上线会员计划。
主要挑战：内部技术团队很小，需要我们承担大部分开发。

联系人：李娜 <li.na@example.com>（产品经理）
节奏：每周五
语言：zh-CN
路径：apps/example/
标签：example
负责人：张伟 <zhang.wei@example.com>

## 承诺
- [ ] 会员计划原型 due:${d(7)} @zhangwei #membership

## 风险
- 中：支付接口文档不完整 — 应对：本周与客户技术负责人确认接口细节

## 待客户确认
- 会员等级的命名 asked:${t}

## 反馈

## 决定

## 备注
- 客户喜欢简短的更新，风险写在最前面。
`;
  }
  return `<!--
  Client Pulse clients file: every level-1 heading (# Name) is a client.
  Paragraphs under it are the client's profile; "Key: value" lines are fields
  (Contact, Cc, Cadence, Language, Paths, Tag, Owner, Backup).
  Level-2 headings are sections: Commitments, Risks, Asks, Feedback, Decisions, Notes.
  Commitments are task items: - [ ] What due:YYYY-MM-DD @owner #tag; when delivered: - [x] … done:YYYY-MM-DD.
  The full format: the Client Pulse README (extension details page), section "The .project/clients.md file".
-->

# Example Client

Example Client runs an online bookshop and wants to launch a membership scheme this quarter.
Challenges: a small in-house team, so we build most of it.

Contact: Jane Doe <jane@example.com> (Product manager)
Cadence: weekly Fri
Language: en
Paths: apps/example/
Tag: example
Owner: Alex Smith <alex@example.com>

## Commitments
- [ ] Membership prototype due:${d(7)} @alex #membership

## Risks
- medium: The payment API documentation is incomplete — mitigation: review the API with their lead developer this week

## Asks
- Names of the membership tiers asked:${t}

## Feedback

## Decisions

## Notes
- Jane prefers short updates with the risks first.
`;
}
