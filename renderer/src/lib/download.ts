/** Starts a browser download of a one-time URL the web host answered (the desktop app saves by dialog). */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
