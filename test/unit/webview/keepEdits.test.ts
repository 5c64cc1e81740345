import assert from 'node:assert/strict';
import { applyDropToEdits } from '../../../src/webview/keepEdits';

const BEFORE = ['Hi Jane,', '', '## Done this week', '', '- Store map', '- Faster checkout', '', '## In progress', '', '- Loyalty beta', '', 'Best regards,', 'Alice'].join('\n');

describe('panel: a dropped line keeps the lead\'s edits', () => {
  it('takes the dropped line out of the edited text, keeping every edit', () => {
    const after = BEFORE.replace('- Faster checkout\n', '');
    const edited = BEFORE.replace('Hi Jane,', 'Hi Jane, thanks for Tuesday!').replace('- Store map', '- Store map (live since Monday)');
    assert.equal(applyDropToEdits(BEFORE, after, edited), edited.replace('- Faster checkout\n', ''));
  });

  it('a section that loses its last line goes with its heading; not when the lead wrote under it', () => {
    const after = BEFORE.replace('## In progress\n\n- Loyalty beta\n\n', '');
    const edited = BEFORE.replace('Alice', 'Alice Martin');
    assert.equal(applyDropToEdits(BEFORE, after, edited), after.replace('Alice', 'Alice Martin'));
    assert.equal(applyDropToEdits(BEFORE, after, BEFORE.replace('- Loyalty beta', '- Loyalty beta\n- Also fixed the VAT label')), undefined);
  });

  it('gives up when a line stands twice (which one would go?)', () => {
    const twice = ['## Done', '', '**Loyalty beta**', '', '- Fix typo', '', '**Store map**', '', '- Fix typo', ''].join('\n');
    const dropped = twice.replace(/\*\*Store map\*\*\n\n- Fix typo\n/, '');
    assert.equal(applyDropToEdits(twice, dropped, twice.replace('## Done', '## Done this week')), undefined);
  });

  it('gives up (undefined) when the user already changed the dropped line, or the draft changed otherwise', () => {
    const after = BEFORE.replace('- Faster checkout\n', '');
    assert.equal(applyDropToEdits(BEFORE, after, BEFORE.replace('- Faster checkout', '- Faster checkout (2.4 s)')), undefined);
    assert.equal(applyDropToEdits(BEFORE, BEFORE.replace('Hi Jane,', 'Jane 您好，'), BEFORE.replace('Alice', 'A.')), undefined, 'not a removal');
    assert.equal(applyDropToEdits(after, BEFORE, after.replace('Alice', 'A.')), undefined, 'a restored line is not a removal');
  });
});
