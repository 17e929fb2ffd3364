/** Report: report.json and report.md on disk, and the job summary. */
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../engine/io.js';
import type { Report } from '../report/schema.js';
import { renderReport, type RenderLinks } from './markdown.js';

/** GitHub's job summary limit is 1 MiB per step. */
const SUMMARY_LIMIT = 1024 * 1024;

export interface ReportFiles {
  json: string;
  md: string;
}

export function reportFiles(dir: string): ReportFiles {
  return { json: path.join(dir, 'report.json'), md: path.join(dir, 'report.md') };
}

export async function writeReportJson(files: ReportFiles, report: Report): Promise<void> {
  await fs.promises.mkdir(path.dirname(files.json), { recursive: true });
  await writeFileAtomic(files.json, new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n'));
}

export async function writeReportMd(files: ReportFiles, report: Report, links: RenderLinks): Promise<void> {
  await writeFileAtomic(files.md, new TextEncoder().encode(renderReport(report, links)));
}

function fitSummary(report: Report, links: RenderLinks): string {
  let md = renderReport(report, links);
  if (md.length > SUMMARY_LIMIT - 1024) md = renderReport(report, links, { details: false });
  if (md.length > SUMMARY_LIMIT - 1024) md = md.slice(0, SUMMARY_LIMIT - 1024) + '\n\n… truncated: see report.md in the artifact.\n';
  return md;
}

export async function writeJobSummary(report: Report, links: RenderLinks, env: NodeJS.ProcessEnv): Promise<void> {
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(fitSummary(report, links), true).write();
  else core.info('Job summary: skipped, GITHUB_STEP_SUMMARY is not set (not running on a runner?)');
}
