export { DataQualityPanel } from './DataQualityPanel';
// The entity card's "no events yet" state asks for the same annotations.
export { MissingAnnotationsHint } from './MissingAnnotationsHint';
export { hasMatchAnnotation, missingAnnotationNames } from './annotationHints';
