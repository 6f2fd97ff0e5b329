// The synthetic archive behind `hoso demo --meetings N [--seed S]`.
export { generateDemo, type DemoOptions, type DemoSummary } from './generate';
export { createRng, type Rng } from './random';
export {
  encodePng,
  photoPath,
  storeContentAddressed,
  writeDemoImages,
  DEMO_IMAGE_COUNT,
  type DemoImage,
} from './images';
