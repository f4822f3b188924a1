import { AddMachines1795751165065 } from './1795751165065-AddMachines';
import { EnforceParkConsistency1795705882194 } from './1795705882194-EnforceParkConsistency';
import { AddAccessAndAudit1795703359854 } from './1795703359854-AddAccessAndAudit';
import { AddOccupancyIndexes1795704088159 } from './1795704088159-AddOccupancyIndexes';
import { CreateSpaceAndTenancies1795701980286 } from './1795701980286-CreateSpaceAndTenancies';
import { AddPublishedFigures1795762664244 } from './1795762664244-AddPublishedFigures';
import { GrantAppRole1795751106192 } from './1795751106192-GrantAppRole';
import { SortEnterpriseNamesByPinyin1795751500000 } from './1795751500000-SortEnterpriseNamesByPinyin';

/** Every migration, in order. `npm run migration:generate -- VerbNoun` writes a new file; add it here. */
export const MIGRATIONS: Function[] = [
  CreateSpaceAndTenancies1795701980286,
  AddAccessAndAudit1795703359854,
  AddOccupancyIndexes1795704088159,
  EnforceParkConsistency1795705882194,
  GrantAppRole1795751106192,
  AddMachines1795751165065,
  SortEnterpriseNamesByPinyin1795751500000,
  AddPublishedFigures1795762664244,
];
