// Vite turns `?url` imports into the built file's address (the PDF viewer's worker).
declare module '*?url' {
  const url: string;
  export default url;
}
