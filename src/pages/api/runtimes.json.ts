import type { APIRoute } from 'astro';
import { getRuntimeStatus, runtimeCalendar, runtimeCalendarSource } from '../../data/runtime-calendar';

/**
 * `/api/runtimes.json`: the Lambda runtime calendar (src/data/runtime-calendar.ts) with each runtime's
 * status on the day the site was built. The deprecated-runtime entry's inventory script reads it and
 * recomputes the status from the dates on the day it runs. `version` changes on a breaking change.
 */
export const GET: APIRoute = () => {
  const builtOn = new Date();
  const body = {
    version: 1,
    builtOn: builtOn.toISOString().slice(0, 10),
    source: runtimeCalendarSource.url,
    checked: runtimeCalendarSource.checked,
    runtimes: runtimeCalendar.map((runtime) => ({ ...runtime, status: getRuntimeStatus(runtime, builtOn) })),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
