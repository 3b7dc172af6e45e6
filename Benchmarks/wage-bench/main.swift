// wage-bench: end-to-end throughput and latency of the pipeline beside the
// machine's raw limits (RabbitMQ and PostgreSQL), measured in one run with the
// same servers. Run it through deploy/local/bench.sh; docs/benchmark.md explains
// every figure.
WageBench.main()
