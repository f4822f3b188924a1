/** Every TypeORM entity of the application; each domain module adds its own here. */
export const ENTITIES: Function[] = [];
