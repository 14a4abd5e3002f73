/**
 * Run as a separate process by the web bench: posts action updates through the JSON API while the
 * plan page is under load, and reports how many were accepted. Each update reads the action's row
 * version first; a 409 (someone else saved first) is a refusal, not a loss.
 */
const [base, token, idsArg, countArg] = process.argv.slice(2);
if (!base || !token || !idsArg || !countArg) throw new Error("usage: update-poster BASE TOKEN ID,ID COUNT");
const ids = idsArg.split(",");
const count = Number(countArg);
const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
let accepted = 0;
let refused = 0;
let failed = 0;
for (let i = 0; i < count; i++) {
  const id = ids[i % ids.length];
  const got = await fetch(`${base}/api/v1/actions/${id}`, { headers });
  const { action } = (await got.json()) as { action: { rowVersion: number } };
  const res = await fetch(`${base}/api/v1/actions/${id}/updates`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      status: "on-track",
      progress: `Update ${i} posted under load`,
      evidence: "",
      date: "2020-11-17",
      rowVersion: action.rowVersion,
    }),
  });
  if (res.status === 201) accepted++;
  else if (res.status === 409) refused++;
  else failed++;
  await new Promise((r) => setTimeout(r, 100));
}
process.stdout.write(JSON.stringify({ accepted, refused, failed }));
