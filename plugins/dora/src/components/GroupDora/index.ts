export { GroupDoraCard } from './GroupDoraCard';
export { GroupDoraContent } from './GroupDoraContent';
