import { surveysMatrix } from './surveys.entries.ts';
import { talentMatrix } from './talent.entries.ts';
import type { MatrixModule } from './types.ts';

/** Modules whose scoped routes the matrix covers beyond the core ones in scope-matrix.http.test.ts. */
export const matrixModules: MatrixModule[] = [talentMatrix, surveysMatrix];
