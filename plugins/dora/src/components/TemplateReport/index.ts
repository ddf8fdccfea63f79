export { DoraTemplateReportPage } from './DoraTemplateReportPage';
export { EntityDoraTemplateCard } from './EntityDoraTemplateCard';
