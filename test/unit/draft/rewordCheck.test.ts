/** The reword check on raw strings, in both languages. */
import * as assert from 'node:assert/strict';
import { rewordReasons } from '../../../src/core/draft/rewordCheck';

describe('draft: reword check', () => {
  it('flags code in a client sentence', () => {
    for (const text of [
      'Call PaymentService from the checkout',
      'Handle getUserProfile errors',
      'Retry when max_retries is reached',
      'Use window.fetchOrders() for the list',
      'Rename config.yaml',
      'Move the logic to src/app/checkout/index',
      'Bump @acme/design-tokens',
      'Show an error when the total is null',
      'Fix 500 on the payment page',
      'Return 404 for unknown stores',
      'Read the `FEATURE_FLAGS` value',
      '修复 OrderService 空指针',
    ]) {
      assert.ok(rewordReasons(text, 'en').includes('identifier') || rewordReasons(text, 'zh-CN').includes('identifier'), text);
    }
  });

  it('lets plain sentences, product names and numbers through', () => {
    for (const text of ['TestFlight build pipeline for the loyalty beta', 'Checkout is faster on iOS and macOS', '500 orders an hour at peak', 'Faster search on GitHub-hosted docs', 'Opening hours on the store map pins', 'p95 from 3.1 s to 2.4 s', 'HEIC images from iPhones were rejected', "The iPad's keyboard covered the form"]) {
      assert.deepEqual(rewordReasons(text, 'en'), [], text);
    }
    for (const text of ['支付步骤 p95 从 3.1 秒降到 2.4 秒', '修复登录页在 iOS 上无法提交的问题', '新增会员积分功能']) {
      assert.deepEqual(rewordReasons(text, 'zh-CN'), [], text);
    }
  });

  it('flags lines in the other language than the draft', () => {
    assert.deepEqual(rewordReasons('新增会员积分功能', 'en'), ['other-language']);
    assert.deepEqual(rewordReasons('Faster checkout on the payment step', 'zh-CN'), ['other-language']);
    assert.deepEqual(rewordReasons('Faster checkout on the payment step', 'en'), []);
  });

  it('flags lines that say nothing a client can use', () => {
    for (const text of ['Update styling', 'improvements from testing', 'Minor fixes', 'Fix bug', 'WIP', 'Various tweaks and cleanup']) {
      assert.ok(rewordReasons(text, 'en').includes('contentless'), text);
    }
    for (const text of ['优化代码', '修改bug', '修复问题', '部分功能优化']) {
      assert.ok(rewordReasons(text, 'zh-CN').includes('contentless'), text);
    }
    assert.ok(!rewordReasons('Fix the coupon field on mobile', 'en').includes('contentless'));
    assert.ok(!rewordReasons('优化搜索速度', 'zh-CN').includes('contentless'));
  });

  it('keeps the exact names a breaking change tells the client to use (quoted), not other code', () => {
    const text = 'The “autoplay” option is now “autoPlay”; “playerConfig.json” must have a “version” field';
    assert.deepEqual(rewordReasons(text, 'en'), ['identifier'], 'elsewhere a quoted name is still code');
    assert.deepEqual(rewordReasons(text, 'en', { exactNames: true }), []);
    assert.deepEqual(rewordReasons('Call PaymentService before “autoPlay”', 'en', { exactNames: true }), ['identifier'], 'code outside quotes');
    assert.deepEqual(rewordReasons('“autoPlay” 选项替代了旧的 “autoplay”，旧名称将被忽略', 'zh-CN', { exactNames: true }), []);
  });
});
