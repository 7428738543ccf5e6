import { strict as assert } from 'node:assert';
import { freeId, slug } from '../../src/core';

describe('ids for new notes', () => {
  it('makes an id from a title in any script', () => {
    assert.equal(slug('Present confidently to leadership'), 'present-confidently-to-leadership');
    assert.equal(slug('Ana Núñez'), 'ana-nunez');
    assert.equal(slug('李明'), '李明');
    assert.equal(slug('Ольга Петрова'), 'ольга-петрова');
    assert.equal(slug('  Learn C++!  '), 'learn-c');
    assert.equal(slug('!!!'), '');
    // Cut at 60 characters, never ending in a hyphen.
    const long = slug(`${'a'.repeat(59)} b`);
    assert.equal(long, 'a'.repeat(59));
  });

  it('adds -2, -3… to an id the notebook already has', () => {
    const taken = new Set(['learn-c', 'learn-c-2']);
    assert.equal(
      freeId('learn-c', (id) => taken.has(id)),
      'learn-c-3',
    );
    assert.equal(
      freeId('learn-rust', (id) => taken.has(id)),
      'learn-rust',
    );
  });
});
