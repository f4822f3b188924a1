import { getMetadataStorage, IsInt, IsNotEmpty, IsString, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: unknown;
}

class Child extends Base {
  @IsInt()
  count!: unknown;
}

const rulesOf = (target: object) =>
  getMetadataStorage()
    .getTargetValidationMetadatas(target as new () => object, '', false, false)
    .map((m) => `${m.propertyName}:${m.name ?? m.type}`)
    .sort();

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers the same rules as class-validator, inherited ones included, from one lookup per class', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(rulesOf(Child)).toEqual(['count:isInt', 'name:isString']);
    expect(rulesOf(Base)).toEqual(['name:isString']);
  });

  it('validates with the memoized rules', async () => {
    const child = Object.assign(new Child(), { name: 7, count: 'x' });
    const errors = await validate(child);
    expect(errors.map((e) => e.property).sort()).toEqual(['count', 'name']);
  });

  it('sees a rule added after a lookup', async () => {
    expect(rulesOf(Child)).not.toContain('label:isNotEmpty');
    IsNotEmpty()(Child.prototype, 'label');
    expect(rulesOf(Child)).toContain('label:isNotEmpty');
    const errors = await validate(Object.assign(new Child(), { name: 'a', count: 1, label: '' }));
    expect(errors.map((e) => e.property)).toEqual(['label']);
  });

  it('installs once per storage', () => {
    const storage = getMetadataStorage();
    const installed = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });
});
