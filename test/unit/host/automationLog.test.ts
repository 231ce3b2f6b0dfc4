// Extension-host console lines reach the outer process through codeAutomationLog unformatted.
import * as assert from 'node:assert/strict';
import { automationLogLines } from '../../host/automationLog';

describe('codeAutomationLog lines', () => {
  it('applies console format arguments', () => {
    assert.deepEqual(automationLogLines(['  %d passing (%s)', 7, '296ms'], false), ['  7 passing (296ms)']);
  });

  it('splits multi-line messages', () => {
    assert.deepEqual(automationLogLines('a\nb', false), ['a', 'b']);
  });

  it('hides the workbench start-up chatter unless verbose', () => {
    const chatter = ['Ignoring fetching additional builtin extensions from gallery as it is disabled.'];
    assert.deepEqual(automationLogLines(chatter, false), []);
    assert.deepEqual(automationLogLines(chatter, true), chatter);
  });
});
