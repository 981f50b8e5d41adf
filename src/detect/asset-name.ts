// Content-hashed file names: build tools and CDNs name static files after a digest of their bytes
// (`main.4f3a9c0e1b2d.js`, `logo-7a388b69018576d24b59331fd60aab0c.png`, Rails' `application-<md5>.css`). Such a
// digest often has exactly the shape of a vendor token (32 hex or alphanumeric characters behind a short prefix),
// but a value that runs straight into a static file's extension is a file name, never a credential.

/** A static file's extension (images, fonts, styles, scripts and their maps, `.min.js`), read in place. */
const STATIC_EXTENSION =
  /\.(?:min\.(?:js|css)|png|jpe?g|gif|svg|ico|webp|avif|bmp|css|js|mjs|cjs|map|woff2?|ttf|otf|eot|html?|wasm)(?![A-Za-z0-9])/iy;

/** Whether a value ending at `end` is glued to a static file's extension: `…<value>.png`, `…<value>.min.js`. */
export function inAssetFileName(text: string, end: number): boolean {
  STATIC_EXTENSION.lastIndex = end;
  return STATIC_EXTENSION.test(text);
}
