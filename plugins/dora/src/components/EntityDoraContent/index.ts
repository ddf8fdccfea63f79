export { EntityDoraContent } from './EntityDoraContent';
