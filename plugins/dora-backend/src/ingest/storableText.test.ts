import { deeplyNestedJson } from '../reliability/__testUtils__/badItems';
import { unstorableText } from './storableText';

describe('unstorableText', () => {
  it('names the first field holding NUL or a lone surrogate, at any depth', () => {
    expect(unstorableText({ id: 'ok', url: 'x\u0000' })).toBe(
      'url: contains a NUL character',
    );
    expect(unstorableText({ commits: [{ sha: 'c' }, { sha: '\udc00' }] })).toBe(
      'commits.1.sha: contains a lone UTF-16 surrogate',
    );
    expect(unstorableText({ a: 'x\ud800', b: '\u0000' })).toBe(
      'a: contains a lone UTF-16 surrogate',
    );
    expect(unstorableText({ 'k\u0000': 1 })).toBe(
      'item: a field name contains a NUL character',
    );
    expect(unstorableText('\u0000')).toBe('item: contains a NUL character');
  });

  it('accepts well-formed text, pairs (emoji) included', () => {
    expect(unstorableText({ id: 'rocket-\u{1F680}', n: 1, x: null })).toBe(
      null,
    );
  });

  it('walks values nested far deeper than the call stack allows', () => {
    const deep = JSON.parse(deeplyNestedJson(200_000));
    expect(unstorableText({ id: deep })).toBe(null);
  });
});
