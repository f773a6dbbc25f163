// Type shims for Cytoscape layout extensions that ship without typings.
declare module 'cytoscape-fcose' {
  const ext: (cy: unknown) => void;
  export default ext;
}

// ingest/types.ts names Node's Buffer in a type the browser never receives; alias it here.
type Buffer = Uint8Array;
