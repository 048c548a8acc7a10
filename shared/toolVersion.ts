/** The tool version recorded in every snapshot and report. Keep in step with package.json (a unit test checks). */
export const TOOL_VERSION = '0.1.0';
