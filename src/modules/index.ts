/** The domain modules, one folder each. */
import type { Type } from "@nestjs/common";

export const DOMAIN_MODULES: Type[] = [];
