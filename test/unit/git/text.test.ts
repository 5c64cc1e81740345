/** Conventional parsing, rewording and redaction on raw strings. */
import * as assert from 'node:assert/strict';
import { kindOf, parseConventional } from '../../../src/core/git/conventional';
import { makeRedactor, redactSecrets, tidy } from '../../../src/core/git/redact';
import { capitalise, findDuplicates, fullWidthParentheses, rewordForClient } from '../../../src/core/git/reword';

describe('git/conventional', () => {
  it('parses type, scope, ! and the description', () => {
    assert.deepEqual(parseConventional('feat(loyalty)!: add points'), { type: 'feat', scope: 'loyalty', breaking: true, description: 'add points' });
    assert.deepEqual(parseConventional('Fix: crash on start'), { type: 'fix', scope: undefined, breaking: false, description: 'crash on start' });
    assert.deepEqual(parseConventional('修复：登录失败'), { breaking: false, description: '修复：登录失败' });
    assert.deepEqual(parseConventional('fix(登录)：登录失败'), { type: 'fix', scope: '登录', breaking: false, description: '登录失败' });
  });
  it('detects BREAKING CHANGE footers and trailers', () => {
    assert.equal(parseConventional('feat: x', 'details\n\nBREAKING CHANGE: old API removed').breaking, true);
    assert.equal(parseConventional('feat: x', '', [{ key: 'BREAKING-CHANGE', value: 'yes' }]).breaking, true);
    assert.equal(parseConventional('feat: x', 'no breaking change here').breaking, false);
  });
  it('leaves non-conventional subjects whole', () => {
    for (const s of ['Update README', 'Merge branch \'x\'', 'feat add things', 'http://example.com: down', 'feat(: x']) {
      assert.equal(parseConventional(s).type, undefined, s);
      assert.equal(parseConventional(s).description, s);
    }
  });
  it('maps types to kinds, git reverts to revert', () => {
    assert.equal(kindOf(parseConventional('feat: a'), 'feat: a'), 'feature');
    assert.equal(kindOf(parseConventional('fix: a'), 'fix: a'), 'fix');
    assert.equal(kindOf(parseConventional('perf: a'), 'perf: a'), 'perf');
    assert.equal(kindOf(parseConventional('docs: a'), 'docs: a'), 'docs');
    assert.equal(kindOf(parseConventional('chore: a'), 'chore: a'), 'other');
    assert.equal(kindOf(parseConventional('Revert "feat: a"'), 'Revert "feat: a"'), 'revert');
    assert.equal(kindOf(parseConventional('Tidy up'), 'Tidy up'), 'other');
  });
});

describe('git/reword', () => {
  it('drops prefixes, tags, PR numbers and the final full stop; capitalises', () => {
    assert.equal(rewordForClient('add loyalty points to checkout.'), 'Add loyalty points to checkout');
    assert.equal(rewordForClient('[acme] speed up search #checkout (#412)'), 'Speed up search');
    assert.equal(rewordForClient('handle ... in names...'), 'Handle ... in names...');
    assert.equal(rewordForClient('the `autoplay` option is now `autoPlay`'), 'The “autoplay” option is now “autoPlay”', 'a name written as code reads as a quoted name');
    assert.equal(rewordForClient('Revert "feat(x): add map pins"'), 'Revert "Add map pins"');
  });
  it('keeps Chinese text as written and words with inner capitals', () => {
    assert.equal(rewordForClient('新增会员积分功能。'), '新增会员积分功能。');
    assert.equal(rewordForClient('iOS build uses Xcode 16'), 'iOS build uses Xcode 16');
    assert.equal(capitalise('élan vital'), 'Élan vital');
  });
  it('finds near-identical lines, exact ones anywhere', () => {
    const texts = ['Fix the login page', 'Update docs', 'fix the login page.', 'Fix the logn page', 'Something else entirely', 'Update docs!'];
    assert.deepEqual(findDuplicates(texts), [-1, -1, 0, 0, -1, 1]);
    assert.deepEqual(findDuplicates(['Add map', 'Add mop']), [-1, -1], 'short lines need to be equal');
    assert.deepEqual(findDuplicates(['修复登录问题', '修复登录问题。']), [-1, 0]);
  });
});

describe('git/redact', () => {
  const r = makeRedactor({ allowedEmails: ['jane@acme.example'] });
  it('removes secrets from every text', () => {
    const cases: Array<[string, string]> = [
      ['clone https://bob:hunter2@git.example.com/x.git', 'clone https://[redacted]@git.example.com/x.git'],
      ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked', 'token [redacted] leaked'],
      ['aws AKIAIOSFODNN7EXAMPLE key', 'aws [redacted] key'],
      ['slack xoxb-123456789012-abcdefghij', 'slack [redacted]'],
      ['set password=s3cr3t! and retry', 'set password=[redacted] and retry'],
      ['db passwd: "abc def"', 'db passwd: [redacted]'],
      ['测试环境 密码：Abc123，请勿外传', '测试环境 密码：[redacted]，请勿外传'],
      ['api_key = AbC123 in config', 'api_key = [redacted] in config'],
      ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U here', 'jwt [redacted] here'],
      ['Authorization: Bearer abcdefghijklmnop1234567890', 'Authorization: Bearer [redacted]'],
      ['key -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- end', 'key [redacted] end'],
    ];
    for (const [input, expected] of cases) {
      assert.equal(redactSecrets(input), expected, input);
      assert.equal(r.internal(input), expected, input);
      assert.ok(!r.client(input).includes('hunter2') && !r.client(input).includes('ghp_') && !r.client(input).includes('s3cr3t'), input);
    }
  });
  it('does not touch ordinary text', () => {
    for (const s of ['Fix token refresh', 'Rotate the password policy', 'Use SHA-256 and UTF-8', 'Explain the auth: flow']) {
      assert.equal(redactSecrets(s), s);
    }
  });
  it('removes foreign e-mails and ticket keys from client text only', () => {
    assert.equal(r.client('Fix login (JIRA-123) reported by bob@agency.example'), 'Fix login reported by [redacted]');
    assert.equal(r.client('PAY-77: retry payments for jane@acme.example'), 'Retry payments for jane@acme.example'.replace('Retry', 'retry'));
    assert.equal(r.internal('Fix login (JIRA-123) reported by bob@agency.example'), 'Fix login (JIRA-123) reported by bob@agency.example');
    assert.equal(r.client('Support UTF-8 and SHA-256 in ISO-8601 exports'), 'Support UTF-8 and SHA-256 in ISO-8601 exports');
    assert.equal(r.client('Layout in IE-11 and Safari, summaries with GPT-4 on PHP-8 for the Q4-2026 report'), 'Layout in IE-11 and Safari, summaries with GPT-4 on PHP-8 for the Q4-2026 report', 'products and quarters are not tickets');
    assert.equal(r.client('Fix layout in IE-11 (ACME-142)'), 'Fix layout in IE-11');
    assert.equal(r.client('Fix PS-123 and WIN-880 crash'), 'Fix and crash', 'a product-like key with a long number is a ticket');
    assert.equal(makeRedactor({ ticketKeyPattern: '\\b(?:IE|UTF)-\\d+\\b' }).client('Drop IE-11 and UTF-8 hacks'), 'Drop and hacks', "a user's own pattern is taken as meant");
    assert.equal(r.client('Ship phase-2 of the rollout, see Jira-5'), 'Ship phase-2 of the rollout, see Jira-5', 'ticket keys are upper-case');
    assert.equal(r.client('Thanks bob@agency.example', ['BOB@agency.example']), 'Thanks bob@agency.example');
  });
  it('honours a custom ticket pattern, an empty one, and extra patterns', () => {
    assert.equal(makeRedactor({ ticketKeyPattern: '#\\d+' }).client('Fix bug #42 in JIRA-1'), 'Fix bug in JIRA-1');
    assert.equal(makeRedactor({ ticketKeyPattern: '' }).client('Fix JIRA-1'), 'Fix JIRA-1');
    assert.equal(makeRedactor({ patterns: ['project\\s+falcon'] }).client('Ship Project Falcon login'), 'Ship login');
    assert.throws(() => makeRedactor({ patterns: ['(unclosed'] }), /redaction pattern: "\(unclosed" is not a valid regular expression/u);
  });
  it('tidies what removals leave', () => {
    assert.equal(tidy('Fix login ( ) ,'), 'Fix login');
    assert.equal(tidy(': retry payments'), 'retry payments');
    assert.equal(tidy('Add export: .eml files'), 'Add export: .eml files');
  });
});

describe('git/reword: parentheses in Chinese sentences', () => {
  it('full-width where the sentence is Chinese; English text and code keep ASCII ones', () => {
    assert.equal(fullWidthParentheses('修复登录页(iOS)的问题'), '修复登录页（iOS）的问题');
    assert.equal(fullWidthParentheses('优化列表 (分页) 性能'), '优化列表（分页）性能');
    assert.equal(fullWidthParentheses('支持 Apple Pay (Beta)'), '支持 Apple Pay（Beta）');
    assert.equal(fullWidthParentheses('新增导出功能(CSV、Excel)'), '新增导出功能（CSV、Excel）');
    assert.equal(fullWidthParentheses('Fix login (iOS)'), 'Fix login (iOS)');
    assert.equal(fullWidthParentheses('调用 init() 之前检查'), '调用 init() 之前检查');
    assert.equal(fullWidthParentheses('修复 foo(x) 报错'), '修复 foo(x) 报错');
    assert.equal(rewordForClient('修复订单页(安卓)白屏 (#12)'), '修复订单页（安卓）白屏');
  });
});
