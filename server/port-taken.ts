/** What to say when another process listens on our port: one line, and what to do about it. */
export const portTakenMessage = (port: number, host: string) =>
  `Port ${port} on ${host} is already in use: stop what runs there, or start on another port (PORT=${port + 1} npm start).`;
