"""The blocking client: the same calls without await."""

from _setup import config_from_env, small_vm

from dwcp import SyncClient

with SyncClient(config_from_env()) as client:
    vm_client = client.VM()
    vm = vm_client.create(small_vm("sync"))
    vm_client.start(vm.id)
    for event in vm_client.watch(vm.id, follow=False):
        print(f"[{event.timestamp}] {event.type}: {event.message}")
    print(f"{len(vm_client.list())} VMs")
