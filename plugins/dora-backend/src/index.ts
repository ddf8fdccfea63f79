export { doraPlugin as default } from './plugin';
