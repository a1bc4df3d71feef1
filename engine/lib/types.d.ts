// wrangler bundles these imports itself: .wasm as a compiled WebAssembly.Module, .json as data.
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
