import { Center, Loader } from '@mantine/core';

/** Shown while a lazy route module loads. */
export function PageLoader() {
  return (
    <Center mih="60vh" role="status" aria-live="polite">
      <Loader size="md" type="dots" aria-label="Loading page" />
    </Center>
  );
}
