#!/usr/bin/env bash
# Builds the consumer project against the pythreading artifacts in the local Maven
# repository (run `mvn install` at the root first), then runs its program on the class
# path and on the module path, and checks both outputs. Exit 0 when both match.
set -euo pipefail
cd "$(dirname "$0")"

expected="hello from Thread-1 to MainThread"
mvn -B -q --no-transfer-progress package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
deps="$(cat target/classpath.txt)"

run() { # $1: how, rest: the java command's arguments
  local how=$1; shift
  local out
  out="$(java "$@")"
  echo "$how: $out"
  if [ "$out" != "$expected" ]; then
    echo "consumer check FAILED on the $how: expected \"$expected\"" >&2
    exit 1
  fi
}

run "class path " -cp "target/classes:$deps" example.Hello
run "module path" -p "target/classes:$deps" -m example.consumer/example.Hello

# pythreading-zookeeper, on the class path: an embedded server, two managers, one queue.
expected="hello over ZooKeeper from Thread-1"
(cd zookeeper && mvn -B -q --no-transfer-progress package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
deps="$(cat zookeeper/target/classpath.txt)"
run "class path (zookeeper)" -cp "zookeeper/target/classes:$deps" example.ZooKeeperHello
