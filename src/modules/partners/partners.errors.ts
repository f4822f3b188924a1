import { ConflictError } from '../../common/errors/app-error';

/** The errors of the partners domain, in the shared tiers (BAD_USER_INPUT with fields, NOT_FOUND, CONFLICT). */
export const PartnerErrors = {
  institutionNameTaken: (name: string): ConflictError =>
    new ConflictError(`An institution named ${name} is already in this park's partner register`, {
      field: 'name',
    }),
};
