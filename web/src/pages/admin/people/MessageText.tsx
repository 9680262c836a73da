/** A message's plain text as it is sent (line breaks kept). */
export function MessageText({ text }: { text: string }) {
  return <pre className="mc-message-text">{text}</pre>;
}
