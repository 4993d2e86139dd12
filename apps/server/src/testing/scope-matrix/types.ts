import type { Role } from '@xinxue/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { Services } from '../../services.ts';
import type { TestClient } from '../harness.ts';

/**
 * The scope matrix (scope-matrix.http.test.ts) tries every route marked `scoped` as every role,
 * each role scoped to 小溪塔街道, against records in 西陵区. A module of the app contributes its
 * routes' entries in a file of this folder, listed in index.ts.
 */
export const SCOPE = '420506001';
export const INSIDE_VILLAGE = '420506001001';
export const OUTSIDE_VILLAGE = '420502001001';

/** Ids of the records made for the matrix, by name (insideGrid, outsidePerson …). */
export type Fixture = Record<string, number>;

export type Probe<F = Fixture> = (c: TestClient, f: F, s: Services) => Promise<LightMyRequestResponse>;

export interface MatrixEntry<F = Fixture> {
  /** The call against data outside the caller's scope: must be refused (403/404), or, for a list, leave it out. */
  outside: Probe<F>;
  /** The same call inside the scope: must succeed, so the entry can fail. */
  inside: Probe<F>;
  /** For list routes: the ids the response lists; `outsideIds` must not be among them. */
  listed?: (response: LightMyRequestResponse, f: F) => number[];
  outsideIds?: (f: F) => number[];
}

export interface MatrixModule {
  /** Creates the module's records inside and outside the scope; may read what earlier modules made. */
  setup(services: Services, fixture: Fixture): Promise<Fixture>;
  /** Runs after every role has logged in (e.g. to assign the grid worker). */
  afterLogin?(services: Services, fixture: Fixture, clients: Map<Role, TestClient>): Promise<void>;
  entries: Record<string, MatrixEntry>;
}
