export { doraModuleDemo } from './doraModuleDemo';
