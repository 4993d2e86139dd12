import { microOrgsMatrix } from './micro-orgs.entries.ts';
import { mobileOrgsMatrix } from './mobile-orgs.entries.ts';
import { newOrgsMatrix } from './new-orgs.entries.ts';
import { orgsMatrix } from './orgs.entries.ts';
import { pipelineMatrix } from './pipeline.entries.ts';
import { pipelinePapersMatrix } from './pipeline-papers.entries.ts';
import { pipelineReportsMatrix } from './pipeline-reports.entries.ts';
import { surveysMatrix } from './surveys.entries.ts';
import { talentMatrix } from './talent.entries.ts';
import type { MatrixModule } from './types.ts';

/** Modules whose scoped routes the matrix covers beyond the core ones in scope-matrix.http.test.ts. */
export const matrixModules: MatrixModule[] = [talentMatrix, surveysMatrix, orgsMatrix, mobileOrgsMatrix, microOrgsMatrix, newOrgsMatrix, pipelineMatrix, pipelineReportsMatrix, pipelinePapersMatrix];
