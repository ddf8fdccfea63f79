import { hiddenServicesNote } from './serviceCounts';

describe('hiddenServicesNote', () => {
  it('words the hidden-services note for one and for many', () => {
    expect(hiddenServicesNote(1)).toMatch(
      /^1 service hidden: you may not view it/,
    );
    expect(hiddenServicesNote(3)).toMatch(
      /^3 services hidden: you may not view them/,
    );
  });
});
