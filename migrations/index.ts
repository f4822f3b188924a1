import { AddAgreementsAndRecruitment1795761588466 } from './1795761588466-AddAgreementsAndRecruitment';
import { AddInstitutions1795760992881 } from './1795760992881-AddInstitutions';
import { AddFigureSnapshots1795772594044 } from './1795772594044-AddFigureSnapshots';
import { AddImportUploads1795783147076 } from './1795783147076-AddImportUploads';
import { AddReceivablesIndexes1795763647894 } from './1795763647894-AddReceivablesIndexes';
import { AddContracts1795761172981 } from './1795761172981-AddContracts';
import { AddMachines1795751165065 } from './1795751165065-AddMachines';
import { EnforceParkConsistency1795705882194 } from './1795705882194-EnforceParkConsistency';
import { AddAccessAndAudit1795703359854 } from './1795703359854-AddAccessAndAudit';
import { AddOccupancyIndexes1795704088159 } from './1795704088159-AddOccupancyIndexes';
import { CreateSpaceAndTenancies1795701980286 } from './1795701980286-CreateSpaceAndTenancies';
import { AddPublishedFigures1795762664244 } from './1795762664244-AddPublishedFigures';
import { GrantAppRole1795751106192 } from './1795751106192-GrantAppRole';
import { SortEnterpriseNamesByPinyin1795751500000 } from './1795751500000-SortEnterpriseNamesByPinyin';
import { AddTenancyParkIndex1795761741596 } from './1795761741596-AddTenancyParkIndex';
import { AddFiguresVersion1795761966623 } from './1795761966623-AddFiguresVersion';
import { AddTalentPipeline1795761033679 } from './1795761033679-AddTalentPipeline';
import { LinkCohortsToInstitutions1795761909259 } from './1795761909259-LinkCohortsToInstitutions';

/** Every migration, in order. `npm run migration:generate -- VerbNoun` writes a new file; add it here. */
export const MIGRATIONS: Function[] = [
  CreateSpaceAndTenancies1795701980286,
  AddAccessAndAudit1795703359854,
  AddOccupancyIndexes1795704088159,
  EnforceParkConsistency1795705882194,
  GrantAppRole1795751106192,
  AddMachines1795751165065,
  SortEnterpriseNamesByPinyin1795751500000,
  AddInstitutions1795760992881,
  AddTalentPipeline1795761033679,
  AddContracts1795761172981,
  AddAgreementsAndRecruitment1795761588466,
  AddTenancyParkIndex1795761741596,
  LinkCohortsToInstitutions1795761909259,
  AddFiguresVersion1795761966623,
  AddPublishedFigures1795762664244,
  AddReceivablesIndexes1795763647894,
  AddFigureSnapshots1795772594044,
  AddImportUploads1795783147076,
];
