/** Sends chat completions through the gateway; returns how many succeeded. */
export async function chat(url: string, key: string, prompts: string[], model = 'mock-gpt'): Promise<number> {
  let ok = 0;
  for (const content of prompts) {
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
    });
    await res.arrayBuffer();
    if (res.ok) ok++;
  }
  return ok;
}

/** GET an analytics endpoint as JSON. */
export async function analytics(url: string, key: string, path: string): Promise<any> {
  const res = await fetch(`${url}/v1/analytics/${path}`, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`${path} → ${res.status}: ${await res.text()}`);
  return res.json();
}
