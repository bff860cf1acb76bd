// CSV of every service outcomes table and a PDF report for a board or commissioner, with small counts suppressed
// for audiences outside the team.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';

export function reportExportRoutes(_app: FastifyInstance, _ctx: AppContext): void {
  // Routes are added with the export tables.
}
