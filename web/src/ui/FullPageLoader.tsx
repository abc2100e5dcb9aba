import { Center, Loader } from '@mantine/core';

export function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader color="teal" type="dots" />
    </Center>
  );
}
