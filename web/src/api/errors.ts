/** A GraphQL error as the API formats it (src/graphql/error-formatter.ts). */
export interface ApiError {
  message: string;
  extensions?: {
    code?: string;
    fields?: { field: string; message: string }[];
    field?: string;
    holder?: string;
    unitCode?: string;
    [key: string]: unknown;
  };
}

/** A form field named by its path in the form's values (antd `NamePath`). */
export type FieldPath = (string | number)[];

/** What a form shows for a failed mutation: messages at its fields, and what belongs to no field. */
export interface FormErrors {
  fields: { name: FieldPath; errors: string[] }[];
  /** Messages of errors that name no field of the form. */
  general: string[];
  /** The CONFLICT of a unit already held: which unit and who holds it. */
  conflict?: { unitCode?: string; holder?: string; message: string };
}

/**
 * The path of an API field (`input.units.2.code`) as a form path (`['units', 2, 'code']`): the argument name is
 * dropped when the form edits that argument, numbers become list indexes.
 */
export function toFieldPath(apiField: string, argument = 'input'): FieldPath {
  const parts = apiField.split('.');
  if (parts[0] === argument && parts.length > 1) parts.shift();
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Maps the API's errors onto a form: BAD_USER_INPUT `fields` at the fields the form has (others as general
 * messages), CONFLICT at the field it names with the holder, anything else as a general message.
 */
export function toFormErrors(
  errors: readonly ApiError[],
  formFields: readonly string[],
  argument = 'input',
): FormErrors {
  const known = new Set(formFields);
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const general: string[] = [];
  let conflict: FormErrors['conflict'];
  const put = (name: FieldPath, message: string) => {
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  };
  for (const error of errors) {
    const ext = error.extensions ?? {};
    if (ext.code === 'BAD_USER_INPUT' && ext.fields?.length) {
      for (const f of ext.fields) {
        const name = toFieldPath(f.field, argument);
        if (known.has(String(name[0]))) put(name, f.message);
        else general.push(f.message);
      }
      continue;
    }
    if (ext.code === 'CONFLICT') {
      conflict = { unitCode: ext.unitCode, holder: ext.holder, message: error.message };
      const field = ext.field ? toFieldPath(ext.field, argument) : undefined;
      if (field && known.has(String(field[0]))) put(field, error.message);
      else general.push(error.message);
      continue;
    }
    general.push(error.message);
  }
  return { fields: [...byField.values()], general, conflict };
}
