// The ranks of an MPI job through Boost.MPI; built only with MUNISIM_WITH_MPI.
#include <mpi.h>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/vector.hpp>
#include <exception>
#include <functional>
#include <memory>

#include "sim/experiment/cluster.hpp"

namespace munisim {
namespace {

// Ranks sharing this machine's memory, so that they divide its cores between them.
int ranks_on_this_machine(const boost::mpi::communicator& world) {
  MPI_Comm local = MPI_COMM_NULL;
  MPI_Comm_split_type(world, MPI_COMM_TYPE_SHARED, world.rank(), MPI_INFO_NULL, &local);
  int size = 1;
  MPI_Comm_size(local, &size);
  MPI_Comm_free(&local);
  return size;
}

class MpiJob final : public Cluster {
 public:
  MpiJob()
      : environment_(std::make_unique<boost::mpi::environment>(boost::mpi::threading::funneled,
                                                               /*abort_on_exception=*/false)),
        local_size_(ranks_on_this_machine(world_)) {}
  // An error leaving this rank must neither finalise MPI (the other ranks may be waiting for it in a
  // collective, and finalising would wait for them) nor abort before the error's message is printed:
  // MPI stays initialised so that `end_job_after_error` can end the whole job with the error's code.
  ~MpiJob() override {
    if (std::uncaught_exceptions() > 0) (void)environment_.release();
  }
  MpiJob(const MpiJob&) = delete;
  MpiJob& operator=(const MpiJob&) = delete;
  int rank() const override { return world_.rank(); }
  int size() const override { return world_.size(); }
  int local_size() const override { return local_size_; }
  std::vector<std::size_t> broadcast(std::vector<std::size_t> values) override {
    boost::mpi::broadcast(world_, values, 0);
    return values;
  }
  bool all(bool ok) override { return boost::mpi::all_reduce(world_, ok, std::logical_and<>()); }
  std::vector<std::vector<unsigned char>> all_gather(std::vector<unsigned char> bytes) override {
    std::vector<std::vector<unsigned char>> all;
    boost::mpi::all_gather(world_, bytes, all);
    return all;
  }
  std::vector<std::vector<unsigned char>> gather(std::vector<unsigned char> bytes) override {
    std::vector<std::vector<unsigned char>> all;
    boost::mpi::gather(world_, bytes, all, 0);
    return all;
  }

 private:
  std::unique_ptr<boost::mpi::environment> environment_;
  boost::mpi::communicator world_;
  int local_size_;
};

}  // namespace

std::unique_ptr<Cluster> join_mpi_job() { return std::make_unique<MpiJob>(); }

void abort_mpi_job(int exit_code) {
  int initialised = 0;
  int finalised = 0;
  MPI_Initialized(&initialised);
  MPI_Finalized(&finalised);
  if (initialised != 0 && finalised == 0) MPI_Abort(MPI_COMM_WORLD, exit_code);
}

}  // namespace munisim
