/** class-transformer's decorator registry (not typed by the package): read once per import row class. */
declare module 'class-transformer/cjs/storage' {
  export const defaultMetadataStorage: {
    findTransformMetadatas(target: Function, propertyName: string, transformationType: number): unknown[];
    findTypeMetadata(target: Function, propertyName: string): unknown;
    getExposedMetadatas(target: Function): unknown[];
    getExcludedMetadatas(target: Function): unknown[];
  };
}
