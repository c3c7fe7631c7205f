/** Where an editor changes an article: its file in the content repository, or nothing when none is configured. */
export const editUrlOf = (repositoryUrl: string, sourcePath: string): string | undefined =>
  repositoryUrl ? `${repositoryUrl.replace(/\/+$/, '')}/${sourcePath}` : undefined;
