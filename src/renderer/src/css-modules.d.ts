// Vite compiles `*.module.css` into scoped class names, bundled into the app's CSS file
// (the CSP admits stylesheets from 'self' only).
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
