import { plainToInstance, TransformationType } from 'class-transformer';
import { defaultMetadataStorage as transformers } from 'class-transformer/cjs/storage';
import {
  getMetadataStorage,
  ValidationArguments,
  ValidationError,
  ValidationTypes,
  validateSync,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** One failing rule of a row: the property and the message class-validator would give. */
export interface RowProblem {
  field: string;
  message: string;
}

/** Plain cells → the row class instance, and that instance's problems under the class's class-validator rules. */
export interface RowValidator<Row> {
  toRow(plain: Record<string, unknown>): Row;
  problems(row: Row): RowProblem[];
  /** True when the rules were compiled; false when every row goes through plainToInstance + validateSync. */
  compiled: boolean;
}

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

/**
 * The input class's own rules (the mutation's: "same rules as the mutations"), compiled once per import instead of
 * once per row. class-validator's validateSync looks up and groups the class's metadata on every call, and
 * class-transformer's plainToInstance walks the class generically: at 100,000 rows those lookups, not the checks, were
 * most of the import's CPU. Here the metadata is read once; each row then runs exactly the constraint instances
 * validateSync would run, in the same order, with the same messages (row-validator.spec.ts compares the two on every
 * import's row class). A class using what this does not reproduce (nested or async validation, `each`, contexts,
 * class-transformer decorators other than per-property @Transform) is validated by validateSync, as before.
 */
export function rowValidator<Row extends object>(
  rowClass: new () => Row,
  fields: string[],
): RowValidator<Row> {
  const slow: RowValidator<Row> = {
    compiled: false,
    toRow: (plain) => plainToInstance(rowClass, plain),
    problems: (row) => flatten(validateSync(row, OPTIONS)),
  };
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(rowClass, '', false, false, undefined);
  const grouped = storage.groupByPropertyName(metadatas);
  const supported = metadatas.every(
    (m) =>
      [
        ValidationTypes.CUSTOM_VALIDATION,
        ValidationTypes.CONDITIONAL_VALIDATION,
        ValidationTypes.IS_DEFINED,
        ValidationTypes.WHITELIST,
      ].includes(m.type) &&
      !m.each &&
      !m.context &&
      (m.type !== ValidationTypes.CUSTOM_VALIDATION ||
        storage.getTargetValidatorConstraints(m.constraintCls).every((c) => !c.async)),
  );
  if (!supported || fields.some((f) => !grouped[f]?.length)) return slow;
  if (transformers.getExposedMetadatas(rowClass).length || transformers.getExcludedMetadatas(rowClass).length)
    return slow;
  if (fields.some((f) => transformers.findTypeMetadata(rowClass, f))) return slow;
  const transformed = fields.filter(
    (f) => transformers.findTransformMetadatas(rowClass, f, TransformationType.PLAIN_TO_CLASS).length > 0,
  );
  const properties = Object.keys(grouped).map((property) => compileProperty(property, grouped[property]));
  return {
    compiled: true,
    toRow(plain) {
      // The same instance plainToInstance makes (the class's field initialisers run), and its @Transform steps.
      if (transformed.length) return plainToInstance(rowClass, plain);
      return Object.assign(new rowClass(), plain);
    },
    problems(row) {
      const found: RowProblem[] = [];
      const object = row as Record<string, unknown>;
      for (const key of Object.keys(object))
        if (!grouped[key]?.length) found.push({ field: key, message: `property ${key} should not exist` });
      for (const check of properties) check(object, found);
      return found;
    },
  };
}

type PropertyCheck = (object: Record<string, unknown>, found: RowProblem[]) => void;

/** ValidationExecutor.performValidations for one property, without the per-call metadata lookups. */
function compileProperty(property: string, metadatas: ValidationMetadata[]): PropertyCheck {
  const storage = getMetadataStorage();
  const withConstraints = (type: string) =>
    metadatas
      .filter((m) => m.type === type)
      .flatMap((m) => storage.getTargetValidatorConstraints(m.constraintCls).map((c) => ({ m, c })));
  const defined = withConstraints(ValidationTypes.IS_DEFINED);
  const custom = withConstraints(ValidationTypes.CUSTOM_VALIDATION);
  const conditions = metadatas.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
  return (object, found) => {
    const value = object[property];
    for (const condition of conditions)
      if (!(condition.constraints[0] as (o: object, v: unknown) => boolean)(object, value)) return;
    // Messages keyed by constraint name, as ValidationError.constraints is (a later rule of one name replaces it).
    const messages = new Map<string, string>();
    for (const { m, c } of [...defined, ...custom]) {
      if (m.validateIf && !m.validateIf(object, value)) continue;
      const args: ValidationArguments = {
        targetName: object.constructor?.name,
        property: m.propertyName,
        object,
        value,
        constraints: m.constraints,
      };
      if (c.instance.validate(value, args)) continue;
      const message =
        m.message || (c.instance.defaultMessage instanceof Function ? c.instance.defaultMessage(args) : '');
      messages.set(c.name || m.type, replaceTokens(message, args));
    }
    for (const message of messages.values()) found.push({ field: property, message });
  };
}

/** class-validator's ValidationUtils.replaceMessageSpecialTokens (not exported by the package). */
function replaceTokens(
  message: string | ((args: ValidationArguments) => string),
  args: ValidationArguments,
): string {
  let text = message instanceof Function ? message(args) : message;
  if (text && Array.isArray(args.constraints))
    args.constraints.forEach((constraint: unknown, index) => {
      const shown = Array.isArray(constraint)
        ? constraint.join(', ')
        : typeof constraint === 'symbol'
          ? String(constraint.description)
          : `${String(constraint)}`;
      text = text.replace(new RegExp(`\\$constraint${index + 1}`, 'g'), shown);
    });
  if (
    text &&
    args.value !== undefined &&
    args.value !== null &&
    ['string', 'boolean', 'number'].includes(typeof args.value)
  )
    text = text.replace(/\$value/g, String(args.value));
  if (text) text = text.replace(/\$property/g, args.property);
  if (text) text = text.replace(/\$target/g, args.targetName);
  return text;
}

/** validateSync's errors as (field, message) pairs, nested properties by dotted path. */
export function flatten(errors: ValidationError[], prefix = ''): RowProblem[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((message) => ({ field: prefix + e.property, message })),
    ...flatten(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}
